print("a-b".translate({45: 95}))
