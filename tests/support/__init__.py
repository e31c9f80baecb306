"""HAND-MADE test doubles and fixtures shared by the tests: fake servers, scripted clients, digests."""
