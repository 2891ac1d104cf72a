steps = 10
dofile('/etc/passwd')
