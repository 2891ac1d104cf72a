objective = 'saddel'
