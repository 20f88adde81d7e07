from contextlib import contextmanager, suppress


@contextmanager
def section(title):
    print(f"== {title}")
    try:
        yield title.lower()
    except KeyError as e:
        print("section saw", repr(e))
    finally:
        print(f"== end {title}")


with section("Intro") as s:
    print("inside", s)

with section("Keys"):
    {}["missing"]
print("after keys")

try:
    with section("Boom"):
        raise ValueError("boom")
except ValueError as e:
    print("outer caught", e)

with suppress(ZeroDivisionError, KeyError):
    1 / 0
    print("not reached")
print("suppressed")


@contextmanager
def temp_list():
    items = []
    yield items
    print("items were", items)


with temp_list() as lst:
    lst.extend([1, 2])


def pipeline():
    with section("Gen"):
        yield 1
        yield 2


print(list(pipeline()))
