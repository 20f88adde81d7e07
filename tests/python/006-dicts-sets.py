d = {"b": 2, "a": 1}
d["c"] = 3
d["b"] = 20
print(d, len(d), d["a"], d.get("z"), d.get("z", 0), "a" in d, "z" not in d)
print(list(d.keys()), list(d.values()), list(d.items()))
print(d.keys(), d.values(), d.items())
for k, v in d.items():
    print(k, v, end="; ")
print()
print(d.pop("a"), d, d.setdefault("x", []), d)
d.update({"y": 1}); d.update(z=2); print(d)
del d["x"]; print(d)
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts)
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
print({1: "a", True: "b", 1.0: "c"}, {(1, 2): "pair"}[(1, 2)], dict(a=1), dict([("x", 1), ("y", 2)]))
print({k: v for k, v in zip("abc", range(3))}, dict.fromkeys("ab", 0))
s = {3, 1, 2}
s.add(4); s.discard(10); s.remove(1)
print(s, len(s), 2 in s, {1, 2} | {2, 3}, {1, 2} & {2, 3}, {1, 2} - {2}, {1, 2} ^ {2, 3})
print(set(), set([1, 1, 2]), {1, 2} <= {1, 2, 3}, {1, 2} < {1, 2}, {x % 3 for x in range(10)})
e = {}
print(e, bool(e), {} == dict(), {1: 2} == {1: 2.0})
