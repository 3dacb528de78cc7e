"""Helpers shared by the exercise-slip tests (tests/unit/test_exercise_slips*.py)."""


def stub(*args, **kwargs):
    """A learner's untouched exercise cell."""
    raise NotImplementedError


def fails_with(result, fragment: str) -> None:
    """The check failed, showed ``fragment`` and gave exactly one hint."""
    assert result.status == "failed", result
    assert fragment in result.message, result.message
    assert result.message.count("Hint:") == 1, result.message
