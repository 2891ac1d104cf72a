steps = 'many'
