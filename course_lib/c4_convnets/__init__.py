"""Course 4, Convolutional Neural Networks: edges and the convolution operation, volumes and
pooling, backpropagation through conv layers, a ConvNet on real images, classic networks,
ResNets, 1x1 convolutions / Inception / MobileNet / EfficientNet, transfer learning with data
augmentation; then object localisation and landmarks, sliding windows, YOLO (anchors, IoU,
non-max suppression, mAP), region proposals (R-CNN and its successors), semantic segmentation
(transpose convolution, U-Net), face verification with the triplet loss, what ConvNets learn
and neural style transfer, and 1-D and 3-D convolutions. NumPy from scratch in each
``<topic>.py``, the Keras twin in ``<topic>_tf.py``; ``boxes.py`` (IoU, box formats) and
``scenes.py`` (generated shape scenes) serve the detection and segmentation lessons.

Lessons: notebooks/c4_convnets/.
"""
