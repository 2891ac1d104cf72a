-- steps must be in [1, 10000000]
steps = 0
