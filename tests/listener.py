"""A loopback TCP listener for the tests that prove no connection is made (SERVICE, LOAD, the
network sandbox): it counts every connection and closes it at once."""
from __future__ import annotations

import socket
import threading
import time


class Listener:
    """Counts connections to ``127.0.0.1:port`` until :meth:`close`."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(64)
        self.sock.settimeout(0.1)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)
        self._thread.start()

    def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.connections += 1
            conn.close()

    def settle(self) -> int:
        """The connection count once in-flight connects had time to arrive."""
        time.sleep(0.05)
        return self.connections

    def close(self) -> None:
        self._stop.set()
        self._thread.join(2)
        self.sock.close()
