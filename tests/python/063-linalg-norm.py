# np.linalg.norm: vector and matrix orders, axis, keepdims, errors
import numpy as np

v = np.array([3.0, -4.0, 12.0, 0.0])
for o in [None, 2, 1, np.inf, -np.inf, 0, 3, 0.5, -1, -2]:
    print(o, np.linalg.norm(v, o))
print(np.linalg.norm([1, 2, 3]), np.linalg.norm(np.arange(5)))
m = np.array([[1.0, -2.0, 3.0], [-4.0, 5.0, -6.0], [7.0, 8.0, -9.0]])
for o in [None, 'fro', 'nuc', 1, -1, 2, -2, np.inf, -np.inf]:
    print(o, np.linalg.norm(m, o))
print(np.linalg.norm(m, axis=0))
print(np.linalg.norm(m, axis=1))
print(np.linalg.norm(m, axis=-1, keepdims=True))
print(np.linalg.norm(m, 1, axis=0), np.linalg.norm(m, np.inf, axis=1))
print(np.linalg.norm(m, 0, axis=1), np.linalg.norm(m, 3, axis=0))
print(np.linalg.norm(m, keepdims=True))
print(np.linalg.norm(m, 'fro', axis=(1, 0)), np.linalg.norm(m, 2, axis=(0, 1)))
print(np.linalg.norm(m, ord=1, axis=(1, 0)), np.linalg.norm(m, ord=-np.inf, axis=(1, 0)))
print(np.linalg.norm(m, 'nuc', keepdims=True))
t = np.arange(24.0).reshape(2, 3, 4)
print(np.linalg.norm(t))
print(np.linalg.norm(t, axis=2))
print(np.linalg.norm(t, axis=(1, 2)))
print(np.linalg.norm(t, 2, axis=(1, 2)))
print(np.linalg.norm(t, 'nuc', axis=(2, 1)))
print(np.linalg.norm(t, np.inf, axis=(0, 2)))
print(np.linalg.norm(t, axis=(0, 2), keepdims=True))
print(np.linalg.norm(m.T), np.linalg.norm(v[::-1]), np.linalg.norm(m[:, 1]))
f = m.astype(np.float32)
print(np.linalg.norm(f), np.linalg.norm(f, 'nuc'), np.linalg.norm(f, axis=0))
print(np.linalg.norm(f[0], 3), np.linalg.norm(f, 1), np.linalg.norm(f, -2))
print(type(np.linalg.norm(f)).__name__, type(np.linalg.norm(m)).__name__)
J = np.linalg.eigvals(np.array([[0.0, -1.0], [1.0, 0.0]]))[0]
c = np.array([3, 4]) * (1 + J)
print(np.linalg.norm(c))

def attempt(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

attempt(lambda: np.linalg.norm(m, 'bad'))
attempt(lambda: np.linalg.norm(v, 'fro'))
attempt(lambda: np.linalg.norm(v, 'nuc'))
attempt(lambda: np.linalg.norm(t, 1))
attempt(lambda: np.linalg.norm(m, 3))
attempt(lambda: np.linalg.norm(m, axis=(0, 0)))
attempt(lambda: np.linalg.norm(m, axis=(0, 1, 1)))
attempt(lambda: np.linalg.norm(m, axis=2))
attempt(lambda: np.linalg.norm(m, axis=(0, 3)))
attempt(lambda: np.linalg.norm(m, axis=1.5))
