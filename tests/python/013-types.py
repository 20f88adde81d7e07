for v in [1, 1.0, "s", True, None, [1], (1,), {1: 2}, {1}, range(3)]:
    print(type(v), type(v).__name__, isinstance(v, int))
print(isinstance(True, int), isinstance(1, (str, float)), isinstance("x", str), type(1) == int, type(True) is bool)
print(str(None), repr(None), str([1, "a"]), repr((1, "a")), str({"k": [1.5]}))
print(int, float, str, list)
