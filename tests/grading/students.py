"""Hostile student values shared by the grading tests."""

from __future__ import annotations

from beyond_traffic.grading import Checker


class AlwaysEqual(list):
    def __eq__(self, other):
        return True

    __hash__ = None


class SneakyStr(str):
    def __eq__(self, other):
        return True

    def __hash__(self):
        return 0


class Exploding:
    def __eq__(self, other):
        raise AssertionError("student __eq__ was called")

    def __repr__(self):
        raise AssertionError("student __repr__ was called")

    __hash__ = None


def make_checker(value, *, points=1, name="v"):
    ck = Checker("q", points=points)
    ck.observe(name, lambda: value)
    return ck
