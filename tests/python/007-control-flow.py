for i in range(10):
    if i == 2:
        continue
    if i == 5:
        break
    print(i, end=" ")
else:
    print("no break")
print()
for i in range(3):
    pass
else:
    print("loop finished", i)
n = 0
while n < 5:
    n += 1
    if n == 3:
        continue
    print("n", n)
else:
    print("while done")
while True:
    n -= 1
    if n < 2:
        break
print("n now", n)
x = 7
if x < 0:
    print("neg")
elif x == 0:
    print("zero")
elif x < 5:
    print("small")
else:
    print("big")
print("yes" if x > 5 else "no", 0 or "default", "" and "never", 1 and 2, None or 0 or [])
a = []
print(a or "empty", not a, not 1, x > 5 and x < 10, x < 5 or x == 7)
for i, ch in enumerate("abc"):
    for j in range(2):
        if j == 1:
            break
        print(i, ch, j)
total = 0
for k in range(1, 4):
    for m in range(k):
        total += m
print(total)
for x, (y, z) in [(1, (2, 3)), (4, (5, 6))]:
    print(x + y + z)
squares = [v * v for v in range(6) if v % 2 == 0]
pairs = [(i, j) for i in range(3) for j in range(i)]
print(squares, pairs, [c.upper() for c in "hi"], [[r * c for c in range(3)] for r in range(2)])
print(sum(v for v in range(5)), list(v * 2 for v in [1, 2]), max(len(w) for w in ["a", "abc"]))
funcs = [lambda: i for i in range(3)]
print([f() for f in funcs])
