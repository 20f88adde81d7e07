# numpy.linalg's errors: singular, non-square, 1-d, not positive
# definite, shape mismatches, non-finite input, bad keywords
import numpy as np

def attempt(f):
    try:
        print(f())
    except np.linalg.LinAlgError as e:
        print("LinAlgError:", e)
    except Exception as e:
        print(type(e).__name__ + ":", e)

sing = np.array([[1.0, 2.0], [2.0, 4.0]])
attempt(lambda: np.linalg.inv(sing))
attempt(lambda: np.linalg.solve(sing, [1.0, 2.0]))
attempt(lambda: np.linalg.det(sing))
attempt(lambda: np.linalg.inv(np.ones((2, 3))))
attempt(lambda: np.linalg.det(np.ones((3, 2))))
attempt(lambda: np.linalg.eig(np.ones((2, 3))))
attempt(lambda: np.linalg.cholesky(np.ones((2, 3))))
attempt(lambda: np.linalg.inv(np.ones(3)))
attempt(lambda: np.linalg.det(5.0))
attempt(lambda: np.linalg.svd(np.ones(3)))
attempt(lambda: np.linalg.qr(np.ones(3)))
attempt(lambda: np.linalg.cholesky(np.array([[1.0, 2.0], [2.0, 1.0]])))
attempt(lambda: np.linalg.cholesky(-np.eye(2)))
attempt(lambda: np.linalg.solve(np.eye(2), np.ones(3)))
attempt(lambda: np.linalg.solve(np.eye(2), np.ones((3, 2))))
attempt(lambda: np.linalg.solve(np.ones((2, 3)), np.ones(2)))
attempt(lambda: np.linalg.lstsq(np.eye(2), np.ones(3), rcond=None))
attempt(lambda: np.linalg.lstsq(np.ones(3), np.ones(3), rcond=None))
attempt(lambda: np.linalg.eig(np.array([[1.0, np.nan], [0.0, 1.0]])))
attempt(lambda: np.linalg.eigvals(np.array([[np.inf, 0.0], [0.0, 1.0]])))
attempt(lambda: np.linalg.eigh(np.eye(2), UPLO='X'))
attempt(lambda: np.linalg.qr(np.eye(2), mode='bad'))
attempt(lambda: np.linalg.inv(np.eye(2, dtype=np.float16)))
print(issubclass(np.linalg.LinAlgError, Exception))
