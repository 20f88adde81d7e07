# complex matrices go through LAPACK's z routines, as NumPy
import numpy as np

# 1j (complex literals are outside pyprep's subset): i is an eigenvalue
# of the quarter turn
J = np.linalg.eigvals(np.array([[0.0, -1.0], [1.0, 0.0]]))[0]

c = np.array([[2, 1], [1, 3]], dtype='complex128') + np.array([[1, 0], [2, -1]]) * J
print(np.linalg.det(c))
print(np.linalg.slogdet(c))
print(np.linalg.inv(c))
print(np.linalg.solve(c, np.array([1, J])))
print(np.linalg.eig(c))
print(np.linalg.svd(c, compute_uv=False))
print(np.linalg.matrix_rank(c))
print(np.linalg.qr(c)[1])
h = np.array([[2, 0], [0, 3]]) + np.array([[0, 1], [-1, 0]]) * J
print(np.linalg.eigh(h))
print(np.linalg.cholesky(h))
print(np.linalg.pinv(c))
print(np.linalg.lstsq(c, np.array([1, 2 * J]), rcond=None))
print(np.linalg.norm(c))
