"""Xiaomi devices on the local network: the miIO transport for MIoT-spec devices."""
