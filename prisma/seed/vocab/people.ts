// Given names and family names from several of the countries the service sells in, so credits
// and viewer accounts read like a European audience rather than "User 17".

export const GIVEN_NAMES = [
  'Oliver', 'Amelia', 'Jonas', 'Lena', 'Lucas', 'Chloé', 'Mateo', 'Lucía', 'Daan', 'Sanne',
  'Noah', 'Isla', 'Felix', 'Hannah', 'Hugo', 'Manon', 'Pablo', 'Carmen', 'Finn', 'Emma',
  'Arthur', 'Grace', 'Leon', 'Mia', 'Louis', 'Camille', 'Diego', 'Elena', 'Sem', 'Julia',
  'George', 'Freya', 'Paul', 'Clara', 'Théo', 'Inès', 'Javier', 'Marta', 'Lars', 'Sofie',
  'Henry', 'Evie', 'Maximilian', 'Sophie', 'Gabriel', 'Léa', 'Álvaro', 'Paula', 'Ruben', 'Anouk',
  'James', 'Ava', 'Elias', 'Marie', 'Raphaël', 'Zoé', 'Sergio', 'Irene', 'Thijs', 'Fleur',
  'Samuel', 'Ruby', 'Anton', 'Greta', 'Victor', 'Alice', 'Andrés', 'Nuria', 'Jesse', 'Lotte',
  'Daniel', 'Maya', 'Tobias', 'Ida', 'Marcus', 'Nora', 'Ethan', 'Olivia', 'Luca', 'Aisha',
  'Kwame', 'Priya', 'Omar', 'Yara', 'Ravi', 'Mei', 'Tomasz', 'Zofia', 'Mehmet', 'Elif',
] as const;

export const FAMILY_NAMES = [
  'Smith', 'Jones', 'Taylor', 'Brown', 'Wilson', 'Evans', 'Thomas', 'Roberts', 'Walker', 'Wright',
  'Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Hoffmann', 'Koch',
  'Martin', 'Bernard', 'Dubois', 'Durand', 'Lefebvre', 'Moreau', 'Laurent', 'Simon', 'Michel', 'Garnier',
  'García', 'Fernández', 'López', 'Martínez', 'Sánchez', 'Romero', 'Navarro', 'Torres', 'Domínguez', 'Vázquez',
  'de Jong', 'Jansen', 'de Vries', 'van den Berg', 'Bakker', 'Visser', 'Smit', 'Meijer', 'Mulder', 'de Boer',
  'Gruber', 'Huber', 'Bauer', 'Pichler', 'Steiner', 'Moser', 'Keller', 'Brunner', 'Baumann', 'Frei',
  'Hughes', 'Clarke', 'Kelly', 'Murphy', 'Okafor', 'Mensah', 'Patel', 'Khan', 'Nowak', 'Kowalski',
  'Rossi', 'Bianchi', 'Costa', 'Ferreira', 'Nielsen', 'Hansen', 'Lindqvist', 'Berg', 'Yilmaz', 'Demir',
] as const;

export const CHARACTER_NAMES = [
  'Detective Inspector Hale', 'Dr. Mara Quinn', 'Captain Elias Brandt', 'Nell', 'The Stranger',
  'Agent Corinne Vasseur', 'Father Tomás', 'Judge Harriet Cole', 'Young Peter', 'Sergeant Okoye',
  'Lady Margaret', 'Professor Aldous Finch', 'Rosa', 'Kit Marlowe', 'The Widow', 'Anna Lindgren',
  'Jacob Reyes', 'Sister Agnes', 'Milo', 'Commander Vance', 'Isabel Duarte', 'Walter Crane',
  'Frankie', 'Dr. Henrik Lund', 'Marguerite', 'Uncle Bert', 'Sam Carter', 'Ingrid', 'The Captain', 'June',
] as const;
