squares = [i * i for i in range(1000000)]
print(len(squares), squares[-1])
