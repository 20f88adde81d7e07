# kind='stable' / 'mergesort': equal keys keep their order (NaNs last,
# -0.0 and 0.0 equal); 'quicksort' is the default order
import numpy as np

k = np.array([2, 1, 2, 1, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 1])
print(np.argsort(k, kind='stable'))
print(np.argsort(k, kind='mergesort'))
print(np.argsort(k, kind='quicksort'))
print(np.argsort(k))
f = np.array([0.0, -0.0, 1.0, np.nan, -0.0, 0.0, np.nan, -1.0])
print(np.argsort(f, kind='stable'), np.argsort(f, kind='S'))
print(np.signbit(np.sort(f, kind='stable')), np.sort(f, kind='stable'))
m = np.array([[3, 1, 3, 1], [2, 2, 0, 2], [1, 1, 1, 0]], dtype=np.int8)
print(np.argsort(m, axis=0, kind='stable'))
print(np.argsort(m, axis=1, kind='stable'))
print(np.argsort(m, None, 'stable'))
print(np.sort(m, 0, 'stable'))
u = np.array([5, 3, 5, 3], dtype=np.uint16)
print(np.argsort(u, kind='stable'), np.argsort(u.astype(np.float32), kind='stable'))
b = np.array([True, False, True, False])
print(np.argsort(b, kind='stable'))
h = np.array([1.5, -0.0, 0.0, 1.5], dtype=np.float16)
print(np.argsort(h, kind='stable'))
rng = np.random.default_rng(7)
r = rng.integers(0, 5, 200)
print(np.argsort(r, kind='stable')[:40])
s = r.astype(np.float64).copy()
s.sort(kind='stable')
print(s[:10], s[-10:])
try:
    np.sort(k, kind='x')
except ValueError as e:
    print(e)
try:
    np.sort(k, kind=3)
except TypeError as e:
    print(e)
