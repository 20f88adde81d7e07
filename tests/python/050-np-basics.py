import numpy as np
a = np.array([[1, 2, 3], [4, 5, 6]])
print(a, a.shape, a.dtype, a.ndim, a.size, type(a))
print(a.sum(axis=0), a.mean(axis=1), a.max(), a.T, a.reshape(3, 2), a.reshape((6,)))
b = np.arange(6, dtype=np.float32).reshape(2, 3)
print(b, b.dtype, (a + b).dtype, a * 2, a / 2, a // 2, a % 4, a ** 2, -a)
a *= 2
print(a)
a += np.array([1, 1, 1])
print(a, a[0], a[1, 2], a[:, 1], a[..., 0], a[:, np.newaxis, 0].shape, a[a > 6])
a[0, :] = 0
print(a, a[::-1, ::2])
print(np.zeros(3), np.ones((2, 2), dtype=int), np.linspace(0, 1, 5), np.pi, np.e)
print(repr(a), repr(np.array([1.5, 2])), repr(np.float64(5.0)), np.float64(5.0), np.int8(7) + np.int8(100))
print([a.sum(), a.max()], a.sum() / 7, f"{a.mean():.3f}", f"{np.float32(1/3)}", str(np.float32(1/3)))
print(a == a, (a > 3) & (a < 12), np.where(a > 6, a, -1), a.astype(float), a.astype(np.uint8).dtype)
for row in np.arange(4).reshape(2, 2):
    print(row, row.sum())
x = np.array([3, 1, 2])
print(sorted(x), len(x), list(x), x.tolist(), max(x), 3 in x, x.argsort(), np.sort(x))
sq = np.vectorize(lambda v: v * v + 1)
print(sq(np.array([1, 2, 3])), np.vectorize(lambda p, q: p - q)(np.array([5, 6]), 1))
print(np.array([1, 2]) + [10, 20], np.array([True, False]).dtype, np.sqrt(np.array([4.0, 9.0])))
print(isinstance(a, np.ndarray), a.dtype == np.int64, a.dtype == "int64", np.float32(2.5) * 2)
