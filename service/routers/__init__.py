"""HTTP routers, one per resource. Every endpoint declares the roles it admits (service.auth.require)."""
