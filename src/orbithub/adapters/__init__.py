"""Adapters: one package per wire (simulated devices, MQTT), each an Adapter of the core."""
