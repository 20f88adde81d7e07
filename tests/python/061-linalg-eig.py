# eig/eigvals (real and complex spectra), eigh/eigvalsh
import numpy as np

# 1j (complex literals are outside pyprep's subset): i is an eigenvalue
# of the quarter turn
J = np.linalg.eigvals(np.array([[0.0, -1.0], [1.0, 0.0]]))[0]

a = np.array([[2.0, 1.0], [1.0, 3.0]])
w, v = np.linalg.eig(a)
print(w)
print(v)
print(np.linalg.eigvals(a))
rot = np.array([[0.0, -1.0], [1.0, 0.0]])
print(np.linalg.eigvals(rot))
w, v = np.linalg.eig(rot)
print(w)
print(v)
print(w.dtype, v.dtype)
m = np.array([[1.0, 2.0, 0.0], [-2.0, 1.0, 0.0], [0.0, 0.0, 3.0]])
print(np.linalg.eig(m))
print(np.linalg.eigvals(np.array([[4, 1], [2, 3]])))
print(np.linalg.eigvals(np.array([[3.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 2.0]])))
f = m.astype(np.float32)
print(np.linalg.eigvals(f), np.linalg.eigvals(f).dtype)
print(np.linalg.eigvals(a.astype(np.float32)).dtype)

s = np.array([[4.0, 1.0, 2.0], [1.0, 3.0, 0.5], [2.0, 0.5, 5.0]])
w, v = np.linalg.eigh(s)
print(w)
print(v)
print(np.linalg.eigvalsh(s))
print(np.linalg.eigvalsh(s, UPLO='U'))
print(np.linalg.eigh(np.array([[4.0, 1.0, 2.0], [0.0, 3.0, 0.5], [0.0, 0.0, 5.0]]), UPLO='U')[0])
print(np.linalg.eigh(s.astype(np.float32)))

rng = np.random.default_rng(3)
g = rng.standard_normal((6, 6))
print(np.linalg.eigvals(g))
sym = g + g.T
print(np.linalg.eigvalsh(sym).tolist())

# complex input
c = np.array([[1, 2], [3, 4]], dtype='complex128') + np.array([[0, 1], [0, 0]]) * J
print(np.linalg.eigvals(c))
print(np.linalg.det(c))
print(np.linalg.inv(c))
h = np.array([[2, 0], [0, 3]], dtype='complex128') + np.array([[0, 1], [-1, 0]]) * J
print(np.linalg.eigvalsh(h))
