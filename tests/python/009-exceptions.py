def safe_div(a, b):
    try:
        return a / b
    except ZeroDivisionError as e:
        print("caught:", e)
        return None
    finally:
        print("finally for", a, b)

print(safe_div(1, 2), safe_div(1, 0))
try:
    [1, 2][5]
except (KeyError, IndexError) as e:
    print(type(e).__name__, e)
try:
    {"a": 1}["b"]
except LookupError as e:
    print("lookup:", repr(e), e.args)
try:
    int("abc")
except ValueError as e:
    print(e)
else:
    print("no error")
try:
    x = 1
except Exception:
    print("never")
else:
    print("else ran", x)
try:
    raise ValueError("bad value", 42)
except ValueError as e:
    print(e, e.args)
try:
    try:
        raise TypeError("inner")
    except TypeError:
        print("handling inner")
        raise
except TypeError as e:
    print("re-raised:", e)
for i in range(3):
    try:
        if i == 1:
            continue
        print("body", i)
    finally:
        print("cleanup", i)
def f():
    try:
        return "from try"
    finally:
        print("finally before return")
print(f())
try:
    assert 1 + 1 == 3, "math is broken"
except AssertionError as e:
    print("assert:", e)
try:
    undefined_name
except NameError as e:
    print(e)
try:
    "a" + 1
except TypeError as e:
    print(e)
try:
    None.foo
except AttributeError as e:
    print(e)
print("end")
