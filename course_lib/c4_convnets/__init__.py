"""Course 4, Convolutional Neural Networks: edges and the convolution operation, volumes and
pooling, backpropagation through conv layers, a ConvNet on real images, classic networks,
ResNets, 1x1 convolutions / Inception / MobileNet / EfficientNet, and transfer learning with
data augmentation. NumPy from scratch in each ``<topic>.py``, the Keras twin in ``<topic>_tf.py``.

Lessons: notebooks/c4_convnets/.
"""
