# NumPy's positional forms: a ufunc's out after its inputs, a reduction's
# out/keepdims/ddof after axis and dtype
import numpy as np

a = np.arange(4.0)
c = np.zeros(4)
r = np.add(a, a, c)
print(r, c, r is c)
s = np.sqrt(a, c)
print(s, c)
m = np.arange(6.0).reshape(2, 3)
print(np.sum(m, 0, None, None, True))
print(m.sum(1, None, None, True))
print(np.std(m, 1, None, None, 1))
print(np.max(m, 0, None, True), m.min(1, None, True))
out = np.zeros(3)
print(np.mean(m, 0, None, out), out)
