"""Course 3, Structuring Machine Learning Projects, as runnable experiments: metrics and
orthogonalisation, dev/test sets, human-level performance, error analysis, mismatched
distributions, transfer / multi-task / end-to-end learning.

Lessons: notebooks/c3_structuring_ml/.
"""
