"""Go's sort.Stable (insertion sort in blocks of 20, then SymMerge), step for
step: Hugo's ``sort`` compares mixed values (numbers, strings that hold
numbers, other strings) in an order that is not total, so only the same
algorithm puts them where Hugo puts them."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

logger = logging.getLogger(__name__)

_BLOCK = 20


def stable_sort(items: list[Any], less: Callable[[Any, Any], bool]) -> None:
    """Sort ``items`` in place as Go's sort.Stable does with ``less``."""
    data = _Data(items, less)
    n = len(items)
    block = _BLOCK
    a, b = 0, block
    while b <= n:
        data.insertion_sort(a, b)
        a, b = b, b + block
    data.insertion_sort(a, n)
    while block < n:
        a, b = 0, 2 * block
        while b <= n:
            data.sym_merge(a, a + block, b)
            a, b = b, b + 2 * block
        middle = a + block
        if middle < n:
            data.sym_merge(a, middle, n)
        block *= 2


class _Data:
    def __init__(self, items: list[Any], less: Callable[[Any, Any], bool]):
        self.items = items
        self.less_items = less

    def less(self, i: int, j: int) -> bool:
        return self.less_items(self.items[i], self.items[j])

    def swap(self, i: int, j: int) -> None:
        self.items[i], self.items[j] = self.items[j], self.items[i]

    def insertion_sort(self, a: int, b: int) -> None:
        for i in range(a + 1, b):
            j = i
            while j > a and self.less(j, j - 1):
                self.swap(j, j - 1)
                j -= 1

    def sym_merge(self, a: int, m: int, b: int) -> None:
        if m - a == 1:
            i, j = m, b
            while i < j:
                h = (i + j) >> 1
                if self.less(h, a):
                    i = h + 1
                else:
                    j = h
            for k in range(a, i - 1):
                self.swap(k, k + 1)
            return
        if b - m == 1:
            i, j = a, m
            while i < j:
                h = (i + j) >> 1
                if not self.less(m, h):
                    i = h + 1
                else:
                    j = h
            for k in range(m, i, -1):
                self.swap(k, k - 1)
            return
        mid = (a + b) >> 1
        n = mid + m
        if m > mid:
            start, r = n - b, mid
        else:
            start, r = a, m
        p = n - 1
        while start < r:
            c = (start + r) >> 1
            if not self.less(p - c, c):
                start = c + 1
            else:
                r = c
        end = n - start
        if start < m < end:
            self.rotate(start, m, end)
        if a < start < mid:
            self.sym_merge(a, start, mid)
        if mid < end < b:
            self.sym_merge(mid, end, b)

    def swap_range(self, a: int, b: int, n: int) -> None:
        for i in range(n):
            self.swap(a + i, b + i)

    def rotate(self, a: int, m: int, b: int) -> None:
        i, j = m - a, b - m
        while i != j:
            if i > j:
                self.swap_range(m - i, m, j)
                i -= j
            else:
                self.swap_range(m - i, m + j - i, i)
                j -= i
        self.swap_range(m - i, m, i)
