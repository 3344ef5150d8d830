"""Keep `kg serve` off the network: refuse SERVICE and LOAD, and let its workers open no network socket.

Oxigraph answers `SERVICE <url>` and `LOAD <url>` by calling the URL, and
pyoxigraph has no option to turn that off. So the server refuses any query or
update that names either keyword (`outbound_keyword`), and on Linux its worker
processes also install a seccomp filter that fails every IPv4 or IPv6 socket
(`forbid_network`): a way of writing them that the check missed still cannot
connect.
"""
from __future__ import annotations

import ctypes
import platform
import re
import socket
import struct

# What hides a keyword's letters from the parser: escapes, strings, IRIs, comments, variables, read left to right
# as SPARQL's tokens (longest first), so that a "#" or a quote inside one of them starts nothing. What remains is
# searched for the keywords anywhere, even inside a longer word: Oxigraph reads "SERVICESILENT" as the keyword.
# A query written to make the parser read "<" otherwise (as less-than) can fool this check, not forbid_network.
_HIDING = re.compile(r'''\\.|"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^'\\]|\\.|'(?!''))*\'\'\''''
                     r'''|"(?:[^"\\\n\r]|\\.)*"|'(?:[^'\\\n\r]|\\.)*'|<[^<>"{}|^`\\\x00-\x20]*>|\#[^\n\r]*'''
                     r'''|[?$][A-Za-z0-9_]+''', re.DOTALL)
_OUTBOUND = re.compile(r"service|load", re.IGNORECASE)


def outbound_keyword(sparql: str) -> str | None:
    """SERVICE or LOAD if the query or update may use it (a name that contains the word counts too), else None."""
    m = _OUTBOUND.search(_HIDING.sub(" ", sparql))
    return m.group().upper() if m else None


# seccomp: a classic BPF program over struct seccomp_data {int nr; u32 arch; u64 ip; u64 args[6]}.
_AUDIT_ARCH_AND_SOCKET = {"x86_64": (0xC000003E, 41), "aarch64": (0xC00000B7, 198)}
_LOAD, _JUMP_IF_EQUAL, _RETURN = 0x20, 0x15, 0x06
_ALLOW, _FAIL_EACCES = 0x7FFF0000, 0x00050000 | 13
_PR_SET_NO_NEW_PRIVS, _PR_SET_SECCOMP, _SECCOMP_MODE_FILTER = 38, 22, 2


class _Program(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]


def forbid_network() -> None:
    """Make every later socket(AF_INET or AF_INET6) in this process fail (EACCES); on Linux, else nothing."""
    known = _AUDIT_ARCH_AND_SOCKET.get(platform.machine())
    if platform.system() != "Linux" or known is None:
        return
    arch, socket_call = known

    def op(code: int, k: int, true: int = 0, false: int = 0) -> bytes:
        return struct.pack("HBBI", code, true, false, k)

    program = b"".join([
        op(_LOAD, 4), op(_JUMP_IF_EQUAL, arch, 1), op(_RETURN, _ALLOW),  # another ABI: not ours to judge
        op(_LOAD, 0), op(_JUMP_IF_EQUAL, socket_call, 1), op(_RETURN, _ALLOW),
        op(_LOAD, 16), op(_JUMP_IF_EQUAL, socket.AF_INET, 2), op(_JUMP_IF_EQUAL, socket.AF_INET6, 1),
        op(_RETURN, _ALLOW), op(_RETURN, _FAIL_EACCES),
    ])
    code = ctypes.create_string_buffer(program)
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) == 0:  # what lets a process without privileges filter itself
        libc.prctl(_PR_SET_SECCOMP, _SECCOMP_MODE_FILTER,
                   ctypes.byref(_Program(len(program) // 8, ctypes.addressof(code))), 0, 0)
