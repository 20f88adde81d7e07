class Tracker:
    def __init__(self, name, swallow=False):
        self.name = name
        self.swallow = swallow

    def __enter__(self):
        print("enter", self.name)
        return self

    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None, exc, tb is None)
        return self.swallow


with Tracker("a") as t:
    print("body", t.name)

with Tracker("outer"), Tracker("inner", swallow=True):
    raise KeyError("k")
print("after")

try:
    with Tracker("x"):
        raise ValueError("boom")
except ValueError as e:
    print("caught", e)


def first_even(nums):
    with Tracker("search"):
        for n in nums:
            if n % 2 == 0:
                return n
    return None


print(first_even([1, 3, 4, 5]), first_even([1]))

for i in range(3):
    with Tracker(f"loop{i}"):
        if i == 0:
            continue
        if i == 2:
            break
        print("middle", i)


class Opener:
    def __enter__(self):
        return "resource"

    def __exit__(self, *args):
        print("closing with", len(args), "args")


with Opener() as (a):
    print(a)

with Opener() as r, Tracker("second") as s:
    print(r, s.name)

try:
    with 42:
        pass
except TypeError as e:
    print("TypeError:", e)


class Failing:
    def __enter__(self):
        raise RuntimeError("cannot enter")

    def __exit__(self, *a):
        print("never")


try:
    with Failing():
        print("never either")
except RuntimeError as e:
    print("RuntimeError:", e)
