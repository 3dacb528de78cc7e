"""Course 2, Improving Deep Neural Networks: set-up and diagnosis, initialisation,
regularisation, gradient checking, optimisers, tuning, batch norm, softmax and TensorFlow.

Lessons: notebooks/c2_improving_dnns/.
"""
