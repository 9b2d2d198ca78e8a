print("kplan")
