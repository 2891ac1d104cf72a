methods = { {name = 'gd', lr = 0.1}, 5 }
