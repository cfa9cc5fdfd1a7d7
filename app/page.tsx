import Link from 'next/link';

export default function HomePage() {
  return (
    <main>
      <h1>Primetime</h1>
      <p>
        <Link href="/guide">Open today&apos;s TV guide</Link>
      </p>
    </main>
  );
}
