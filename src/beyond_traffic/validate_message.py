"""What nbgrader's Validate button says when visible checks show less than full points.

Example:
    >>> from beyond_traffic.validate_message import VALIDATE_FAILED_WARNING
    >>> "{num_failed}" in VALIDATE_FAILED_WARNING and "隐藏检查" in VALIDATE_FAILED_WARNING
    True
"""

__all__ = ["VALIDATE_FAILED_WARNING"]

#: Visible checks carry only part of each question's points (hidden checks run at grading), so
#: nbgrader's "VALIDATION FAILED … you WILL NOT receive full credit" would meet every correct
#: answer. Both nbgrader configs (the course's and the hub's global one) use this text instead.
VALIDATE_FAILED_WARNING = (
    "{num_failed} 个测试单元格此刻没有显示满分。可见的检查只占每题的一部分分数，"
    "隐藏检查在评分时才运行，所以即使答案正确，这里也不会显示满分。"
    "请看每个测试单元格里的 ✘ 行：没有 ✘ 就说明可见的检查都通过了。\n"
    "{num_failed} test cell(s) show less than full points now. Visible checks carry only part of "
    "each question's points and hidden checks run only at grading, so even a correct answer shows "
    "less than full here. Read the ✘ lines in each test cell: none means every visible check "
    "passed.\n"
)
