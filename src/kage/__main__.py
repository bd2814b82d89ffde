from kage.interfaces.cli import main

main()
