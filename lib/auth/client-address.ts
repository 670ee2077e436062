import ipaddr from 'ipaddr.js';

/**
 * The address a sign-in comes from, as a rate-limit bucket: an IPv4 address, or the /64 network
 * of an IPv6 address (one subscriber usually holds a whole /64, so single addresses are free to
 * rotate). Null when it cannot be known.
 *
 * Only a proxy we trust can tell us: with `trustProxy` the last X-Forwarded-For entry, the one our
 * proxy appended (earlier entries are whatever the client sent). Without it the header is the
 * client's word (Next.js fills it in from the socket only when the client sent none), and the
 * request Auth.js hands to `authorize` carries no socket, so there is no address to use.
 */
export function clientAddress(headers: Headers, { trustProxy }: { trustProxy: boolean }): string | null {
  if (!trustProxy) return null;
  const last = headers.get('x-forwarded-for')?.split(',').at(-1);
  return last === undefined ? null : parseAddress(last);
}

/** One X-Forwarded-For entry ("203.0.113.7", "203.0.113.7:4711", "[2001:db8::1]:443", "::ffff:…"). */
export function parseAddress(entry: string): string | null {
  let value = entry.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1];
  else if (/^[\d.]+:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(':'));
  if (ipaddr.IPv4.isValidFourPartDecimal(value)) return ipaddr.IPv4.parse(value).toString();
  if (!ipaddr.IPv6.isValid(value)) return null;
  const address = ipaddr.process(value);
  if (address.kind() === 'ipv4') return address.toString();
  const network = new ipaddr.IPv6([...(address as ipaddr.IPv6).parts.slice(0, 4), 0, 0, 0, 0]);
  return `${network.toString()}/64`;
}
