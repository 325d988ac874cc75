from lianfa.service.cli import main

main()
