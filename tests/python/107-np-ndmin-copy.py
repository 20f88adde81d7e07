# np.array(..., ndmin=) prepends 1s as a view; astype(copy=False) returns
# the array itself when no cast is needed
import numpy as np
a = np.array([1, 2, 3], ndmin=2)
print(a, a.shape, a.base is None)
b = np.array(5.0, ndmin=3)
print(repr(b), b.shape)
c = np.array(np.arange(6).reshape(2, 3), ndmin=4)
print(c.shape, c.strides)
d = np.arange(4)
e = np.array(d, copy=False, ndmin=2)
e[0, 0] = 99
print(d, e.shape, np.shares_memory(d, e))
f = np.array([[1, 2]], ndmin=1)
print(f.shape)
g = d.astype(d.dtype, copy=False)
print(g is d, d.astype(float, copy=False) is d)
try:
    np.array([1], ndmin=40)
except ValueError as exc:
    print(exc)
