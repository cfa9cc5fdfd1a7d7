import { describe, expect, it } from 'vitest';
import mediaImageLoader from './image-loader';

describe('mediaImageLoader', () => {
  it('asks the media host for the width and quality next/image picked', () => {
    expect(mediaImageLoader({ src: 'https://cdn.example/media/posters/ab12.jpg', width: 384 }))
      .toBe('https://cdn.example/media/posters/ab12.jpg?w=384&q=75');
    expect(mediaImageLoader({ src: 'https://cdn.example/p.jpg?v=2', width: 96, quality: 60 }))
      .toBe('https://cdn.example/p.jpg?v=2&w=96&q=60');
  });
});
