# float16: storage, casts, NumPy's float16 loops and printing
import numpy as np

h = np.array([0.1, 0.2, 0.3, 1.5, -2.25, 1000.0], dtype=np.float16)
print(h)
print(repr(h), h.dtype, h.itemsize, h.nbytes)
print(h + h, h / 7)
print(h % 0.3, h // 0.3)
print(repr(h + 1), (h + 100000).dtype, (h + 65000.0).dtype)

i8 = np.array([1, 2, 3, 4], dtype=np.int8)
print(repr(np.sqrt(i8)), repr(i8 / i8))
print(repr(np.exp(np.array([1, 2, 250], dtype=np.uint8))))
print(repr(np.sin(np.array([True, False]))))

big = np.array([65519.0, 65520.0, -70000.0, 1e-8, 3e-8])
print(repr(big.astype(np.float16)))
print(repr(np.array([2049, 2051, 4097]).astype(np.float16)))
print(np.float16(0.1), np.float16(1e-7), np.float16(1) / np.float16(3))

x = np.linspace(0, 1, 11, dtype=np.float16)
print(x.sum(), x.mean(), x.std(), x.max(), x.argmax())
print(repr(np.full(20000, 0.25, np.float16).cumsum()[-3:]))
m = np.arange(12, dtype=np.float16).reshape(3, 4) / 3
print(m)
print(repr(m.sum(axis=0)), repr(m.mean(axis=1)))
print(np.sort(np.array([3.5, -1, np.nan, 2], dtype=np.float16)))
print(np.median(m), np.percentile(m, 30))
print(m @ m.T)
print(np.arange(2000, dtype=np.float16))
print(np.array([1e-5, 1, 1000], dtype=np.float16))
print(h.tolist())
