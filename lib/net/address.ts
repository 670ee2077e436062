/** Which addresses server-side requests may reach: the public internet only, unless allowed otherwise. */
import ipaddr from 'ipaddr.js';

/** The well-known NAT64 prefix (RFC 6052): DNS64 answers carry the IPv4 address in the last 32 bits. */
const NAT64 = ipaddr.parseCIDR('64:ff9b::/96');

/**
 * True for a global unicast address. Everything else is refused: private (RFC 1918), loopback,
 * link-local, unspecified, multicast, broadcast, CGNAT, unique-local IPv6, reserved and
 * documentation ranges, 6to4 and Teredo. IPv4 inside IPv6 (mapped, or NAT64) is judged by the
 * IPv4 address it carries.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  let ip = ipaddr.parse(address);
  if (ip.kind() === 'ipv6') {
    const v6 = ip as ipaddr.IPv6;
    if (v6.isIPv4MappedAddress()) ip = v6.toIPv4Address();
    else if (v6.match(NAT64)) ip = new ipaddr.IPv4(v6.toByteArray().slice(12));
  }
  return ip.range() === 'unicast';
}
