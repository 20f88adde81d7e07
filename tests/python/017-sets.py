a = {5, 3, 1, 7, 2}
b = {2, 9, 12, 4}
print(a, a - b, sorted(a | b), a & b)
s = set()
for i in [15, 3, 22, 9, 1, 30, 0]:
    s.add(i)
print(s, sorted(s), min(s), max(s), len(s), 22 in s)
t = set(s)
print(sorted(t), set(range(6)), {x % 5 for x in range(20)}, set("aab") == {"a", "b"})
u = {1, 2, 3}
u |= {4}
u.discard(2)
print(u, sorted({"pear", "apple"}), any({0, 1}), all({1, 2}), frozenset({3, 1}))
c = {i * 3 for i in range(8)}
print(c)
