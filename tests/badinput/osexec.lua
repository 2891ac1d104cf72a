os.execute('touch pwned-by-config')
