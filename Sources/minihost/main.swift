print("minihost")
