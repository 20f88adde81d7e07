# stacks of matrices (ndim > 2): each matrix on its own, as NumPy
import numpy as np

s = np.array([[[2.0, 1.0], [1.0, 3.0]], [[4.0, -2.0], [1.0, 1.0]],
              [[1.0, 2.0], [-2.0, 1.0]]])
print(np.linalg.det(s))
print(np.linalg.slogdet(s))
print(np.linalg.inv(s))
print(np.linalg.solve(s, np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])))
print(np.linalg.solve(s, np.ones((3, 2, 1))))
print(np.linalg.eigvals(s))
print(np.linalg.eigvals(s[:2]))
print(np.linalg.eigvalsh(s[:1]))
print(np.linalg.svd(s, compute_uv=False))
print(np.linalg.matrix_rank(np.stack([np.eye(3), np.ones((3, 3))])))
print(np.linalg.cholesky(s[:1]))
print(np.linalg.qr(s)[1])
print(np.linalg.pinv(s[1:]))
print(np.linalg.det(np.arange(16.0).reshape(2, 2, 2, 2)))

# solve's stacks broadcast as NumPy's gufunc does
def attempt(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

a = np.array([[2.0, 1.0], [1.0, 3.0]])
s2 = np.stack([a, a + np.eye(2), 2 * a])
attempt(lambda: np.linalg.solve(a, np.arange(12.0).reshape(3, 2, 2)))
attempt(lambda: np.linalg.solve(s2, np.array([[1.0, 0.0], [0.0, 1.0]])))
attempt(lambda: np.linalg.solve(s2, np.ones((3, 2))))
attempt(lambda: np.linalg.solve(s2[:, None], np.ones((4, 2, 1))).shape)
attempt(lambda: np.linalg.solve(s2, np.ones(2)))
attempt(lambda: np.linalg.solve(np.eye(2), 5.0))
attempt(lambda: np.linalg.solve(s2, np.ones((2, 2, 2))))
