from brickyard._cli import main

main()
