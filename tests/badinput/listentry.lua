objective = function(x, y) return x^2 + y^2 end
start = {1, 'two'}
