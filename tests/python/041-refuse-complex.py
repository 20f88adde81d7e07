print(1j)
