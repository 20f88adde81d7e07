import numpy as np
a = np.arange(6)
try:
    a.reshape(4, 2)
except ValueError as e:
    print("ValueError:", e)
try:
    a[10]
except IndexError as e:
    print("IndexError:", e)
try:
    np.array([1, 2]) + np.array([1, 2, 3])
except ValueError as e:
    print(e)
try:
    if a > 2:
        pass
except ValueError as e:
    print(e)
try:
    a.sum(axis=3)
except np.AxisError as e:
    print("AxisError:", e)
print("last")
a.reshape(5)
