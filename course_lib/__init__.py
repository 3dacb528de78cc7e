"""course_lib: every algorithm of the Deep Learning Specialization, twice.

- NumPy from scratch, in the course's notation: ``course_lib.<course package>.<topic>``.
- TensorFlow/Keras twins beside them: ``<topic>_tf`` (imported only when asked for, so
  ``import course_lib`` and every NumPy module work without TensorFlow).

Shared machinery: ``lesson`` (banner, seeds, run size), ``validation`` (shape errors in
course notation), ``gradient_check``, ``exercises`` (auto-checks), ``widgets``
(dashboards), ``plots``, ``data`` and ``curriculum`` (where is each item taught?).
"""

from course_lib.curriculum import where

__version__ = "0.1.0"
__all__ = ["where", "__version__"]
